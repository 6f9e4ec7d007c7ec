/**
 * Terraform reads `${...}` and `%{...}` in JSON strings as template expressions; text that must
 * reach Azure as written (an MQTT broker's `${client.authenticationName}`, a workflow definition)
 * is escaped (Terraform "Strings and Templates": `$${` and `%%{` are the literal forms).
 */
export function terraformLiteral(text: string): string {
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** {@link terraformLiteral} on every key and string of a JSON value. */
export function terraformLiteralJson<T>(value: T): T {
  if (typeof value === "string") return terraformLiteral(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => terraformLiteralJson(item)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        terraformLiteral(key),
        terraformLiteralJson(item as unknown),
      ]),
    ) as T;
  }
  return value;
}
