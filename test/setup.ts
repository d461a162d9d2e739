/** Every test file removes the temp folders it made (test/utils.ts tempDir), whether its tests passed or not. */
import { afterAll } from "vitest";
import { removeTempDirs } from "./utils";

afterAll(removeTempDirs);
