import { resourceServices } from "../resource-refs";
import { declaredHint } from "../semantic/not-declared";
import type { ModelCheck, ModelCheckContext } from "./context";

function checkResourceRef(
  ctx: ModelCheckContext,
  declared: ReadonlySet<string>,
  pointer: string,
  owner: string,
  text: string,
): void {
  if (declared.has(text)) return;
  const service = text.slice(0, text.indexOf("/"));
  if (!(resourceServices as readonly string[]).includes(service)) {
    ctx.error(
      pointer,
      `${owner} resource must be "<service>/<name>" or "<service>/<namespace>/<entity>" with <service> one of ${resourceServices.join(", ")}; got "${text}"`,
    );
    return;
  }
  const sameService = [...declared].filter((ref) => ref.startsWith(`${service}/`));
  ctx.error(
    pointer,
    `${owner} resource "${text}" names nothing declared in this file; ${declaredHint(text, sameService, `${service} resources`)}`,
  );
}

/** Every waiver and allowDestroy entry names a resource of the file, by a reference of the walk. */
export const checkResourceReferences: ModelCheck = (ctx) => {
  const { waivers, allowDestroy } = ctx.model;
  if (waivers.length === 0 && allowDestroy.length === 0) return;
  const declared = new Set(ctx.resources.filter((r) => r.refersToItself).map((r) => r.ref));
  for (const waiver of waivers) {
    checkResourceRef(ctx, declared, `${waiver.source.pointer}/resource`, "waiver", waiver.resource);
  }
  for (const entry of allowDestroy) {
    checkResourceRef(ctx, declared, `${entry.source.pointer}/resource`, "allowDestroy", entry.resource);
  }
};
