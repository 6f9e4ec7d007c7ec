import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Folders whose every environment file validates, so each one synthesizes a stack. */
const folders = ["environments", "test/fixtures/valid", "test/fixtures/shared-examples"];

/** Every environment file a test may synthesize: the shipped environments and the valid fixtures. */
export function synthesizableFiles(): string[] {
  return folders.flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => file.endsWith(".yaml"))
      .sort()
      .map((file) => join(folder, file)),
  );
}
