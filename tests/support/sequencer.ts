import { BaseSequencer, type TestSpecification } from "vitest/node";

// The browser files are the longest (the back-office journey alone takes minutes) and the unit files the
// shortest. vitest orders files by their last recorded duration, but a clean clone (CI) has no record, and
// then it orders by file size: the short file of the back-office journey started among the last. Browser
// files first, then HTTP and database files, then unit files, each group in vitest's own order, so the
// small files fill the end of the run in any checkout.
const groups = ["/tests/e2e/", "/tests/integration/", "/tests/unit/"];
const groupOf = (file: TestSpecification) => {
  const index = groups.findIndex((group) => file.moduleId.includes(group));
  return index === -1 ? groups.length : index;
};

export default class SlowestGroupFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    return ordered
      .map((file, index) => ({ file, index }))
      .sort((a, b) => groupOf(a.file) - groupOf(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}
