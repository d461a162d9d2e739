/**
 * zod, the one copy everything in the project takes it from. cli/launch.mjs bundles it with our code
 * (its ES build, without the locales we never load), which costs about half of loading its ~95
 * CommonJS files one by one.
 */
export { z } from "zod";
