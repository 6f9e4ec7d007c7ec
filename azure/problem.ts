/**
 * One thing wrong with a value, as a rule over Azure's facts finds it. Rules return every problem
 * they find, never throw: the environment file's semantic checks report each at its file, line
 * and field; a construct used directly reports all of them at synthesis.
 */
export interface Problem {
  /**
   * The offending field, relative to the object the rule checked, with `/` between levels
   * (`capacity`, `autoscale/minCapacity`); empty for the object as a whole.
   */
  readonly field: string;
  /** What is wrong and what would be right, for a person editing YAML: no field prefix. */
  readonly message: string;
}

/** `problem` at `prefix/field`: a nested rule's problems, placed under the field that holds them. */
export function under(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({
    field: p.field === "" ? prefix : `${prefix}/${p.field}`,
    message: p.message,
  }));
}
