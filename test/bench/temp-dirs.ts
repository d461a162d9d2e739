/** The bench tests' temp folders are the shared ones (test/utils.ts). */
export { removeLater, removeTempDirs, tempDir } from "../utils";
