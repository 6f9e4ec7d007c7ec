import { serializationDetails, type OutputSerialization } from "../../azure/stream-analytics";

/** The `serialization` block azurerm's inputs and outputs take, with what each type needs besides. */
export interface SerializationBlock {
  readonly type: string;
  readonly encoding?: string;
  readonly fieldDelimiter?: string;
  readonly format?: string;
}

/**
 * azurerm v4.55.0 helpers_input.go / helpers_output.go: Avro and Parquet take only the type; CSV
 * a field delimiter and UTF-8; JSON UTF-8, and on outputs a format (one event per line here).
 */
export function serializationBlock(
  type: OutputSerialization,
  direction: "input" | "output",
): SerializationBlock {
  if (type === "Avro" || type === "Parquet") return { type };
  if (type === "Csv") {
    return {
      type,
      encoding: serializationDetails.encoding,
      fieldDelimiter: serializationDetails.fieldDelimiter,
    };
  }
  return direction === "output"
    ? { type, encoding: serializationDetails.encoding, format: serializationDetails.jsonFormat }
    : { type, encoding: serializationDetails.encoding };
}
