import {
  App,
  LocalBackend,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from "cdktf";
import type { Construct } from "constructs";
import { AzurermProvider } from "@cdktf/provider-azurerm/lib/provider";
import { withPlainStackTraces } from "../../stacks/plain-stack-traces";

/** A synthesized stack's resources: type → logical id → attributes. */
export type SynthesizedResources = Record<string, Record<string, Record<string, unknown>>>;

/** The parts of a synthesized `cdk.tf.json` the baseline reproduces. */
export interface SynthesizedStack {
  readonly resource?: SynthesizedResources;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly provider?: Record<string, readonly Record<string, unknown>[]>;
  readonly terraform?: {
    readonly required_providers?: Record<string, { readonly source: string; readonly version?: string }>;
  };
}

type ResourceClass = new (scope: Construct, id: string, config: Record<string, unknown>) => TerraformResource;

interface PreparedResource {
  readonly cls: ResourceClass | undefined;
  readonly type: string;
  readonly id: string;
  /** camelCase provider-class config (azurerm types) or the synthesized attributes as they are. */
  readonly config: Record<string, unknown>;
  /** Meta-arguments (`depends_on`, `lifecycle`, `provider`, ...) exactly as synthesized. */
  readonly meta: Record<string, unknown>;
}

export interface PreparedBaseline {
  readonly resources: readonly PreparedResource[];
  readonly outputs: readonly { readonly id: string; readonly attributes: Record<string, unknown> }[];
  /** Providers other than azurerm (e.g. azapi), with their source and version. */
  readonly providers: readonly {
    readonly name: string;
    readonly source: string;
    readonly version?: string;
  }[];
  readonly azurerm: Record<string, unknown>;
}

const metaArguments = new Set(["depends_on", "lifecycle", "provider", "count", "for_each"]);

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The synthesized attributes back in the shape the provider classes take (camelCase config). */
function toConfig(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toConfig);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[camel(key)] = toConfig(inner);
    return out;
  }
  return value;
}

/**
 * The bare provider class of a resource type, found by its `tfResourceType` in the deep module
 * `lib/<type without azurerm_, kebab-case>`; undefined for types of other providers.
 */
async function classFor(type: string): Promise<ResourceClass | undefined> {
  if (!type.startsWith("azurerm_")) return undefined;
  const dir = type.slice("azurerm_".length).replace(/_/g, "-");
  // A deep path per type, loaded once: the package root is never loaded.
  const mod = (await import(`@cdktf/provider-azurerm/lib/${dir}`)) as Record<string, unknown>;
  for (const exported of Object.values(mod)) {
    if (typeof exported === "function" && (exported as { tfResourceType?: string }).tfResourceType === type) {
      return exported as ResourceClass;
    }
  }
  return undefined;
}

/**
 * Loads classes and converts configs up front, so only construction and synthesis are timed.
 * Everything the synthesized stack emits is reproduced (resources with their meta-arguments,
 * outputs, providers), so the baseline writes the same document and the comparison is per
 * emitted resource of equal work, not of a smaller file.
 */
export async function prepareBaseline(stack: SynthesizedStack): Promise<PreparedBaseline> {
  const classes = new Map<string, ResourceClass | undefined>();
  const resources: PreparedResource[] = [];
  for (const [type, byId] of Object.entries(stack.resource ?? {})) {
    if (!classes.has(type)) classes.set(type, await classFor(type));
    const cls = classes.get(type);
    for (const [id, synthesized] of Object.entries(byId)) {
      const attributes: Record<string, unknown> = {};
      const meta: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(synthesized)) {
        if (key === "//") continue;
        if (metaArguments.has(key)) meta[key] = value;
        else attributes[key] = value;
      }
      resources.push({
        cls,
        type,
        id,
        config: cls ? (toConfig(attributes) as Record<string, unknown>) : attributes,
        meta,
      });
    }
  }
  const required = stack.terraform?.required_providers ?? {};
  const providers = Object.keys(stack.provider ?? {})
    .filter((name) => name !== "azurerm" && required[name])
    .map((name) => ({ name, source: required[name].source, version: required[name].version }));
  const outputs = Object.entries(stack.output ?? {}).map(([id, attributes]) => ({ id, attributes }));
  const azurerm = toConfig(stack.provider?.azurerm?.[0] ?? { features: [{}] }) as Record<string, unknown>;
  return { resources, outputs, providers, azurerm };
}

/** A resource of a provider without generated classes: its synthesized attributes, verbatim. */
class RawResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    type: string,
    provider: TerraformProvider | undefined,
    private readonly attributes: Record<string, unknown>,
  ) {
    super(scope, id, { terraformResourceType: type, provider });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}

/** A provider block with its default configuration, as the stack declares it. */
class RawProvider extends TerraformProvider {
  constructor(scope: Construct, name: string, source: string, version?: string) {
    super(scope, name, {
      terraformResourceType: name,
      terraformGeneratorMetadata: { providerName: name, providerVersion: version },
      terraformProviderSource: source,
    });
  }
}

/**
 * The floor cdktf itself sets: the same resources created with bare provider classes in one
 * stack, with no constructs, no model and no validation in between, and references already
 * written out as `${type.id.attribute}` strings. Returns resources emitted.
 */
export function synthesizeBaseline(prepared: PreparedBaseline, outdir: string): number {
  // Same runtime conditions as our synthesis: no source-map translation of token stacks.
  return withPlainStackTraces(() => synthesizeBaselineApp(prepared, outdir));
}

function synthesizeBaselineApp(prepared: PreparedBaseline, outdir: string): number {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "baseline");
  new LocalBackend(stack, { path: "terraform.baseline.tfstate" });
  new AzurermProvider(stack, "azurerm", prepared.azurerm);
  const providers = new Map<string, TerraformProvider>();
  for (const p of prepared.providers)
    providers.set(p.name, new RawProvider(stack, p.name, p.source, p.version));
  for (const resource of prepared.resources) {
    const providerName = typeof resource.meta.provider === "string" ? resource.meta.provider : undefined;
    const element = resource.cls
      ? new resource.cls(stack, resource.id, resource.config)
      : new RawResource(
          stack,
          resource.id,
          resource.type,
          providerName ? providers.get(providerName) : undefined,
          resource.config,
        );
    for (const [key, value] of Object.entries(resource.meta)) {
      if (key !== "provider" || !providers.has(String(value))) element.addOverride(key, value);
    }
  }
  for (const output of prepared.outputs) {
    const { value, description, sensitive } = output.attributes;
    new TerraformOutput(stack, output.id, {
      value,
      description: typeof description === "string" ? description : undefined,
      sensitive: typeof sensitive === "boolean" ? sensitive : undefined,
    });
  }
  app.synth();
  return prepared.resources.length;
}
