import { collisionMessage, collisions } from "./collisions";
import type { ModelCheck } from "./context";

/**
 * Two resources of the file, declared or derived, with one name in one scope: Azure would refuse
 * the second (a namespace's name is a global host name; a private endpoint's is unique in the
 * resource group; a queue's in its namespace). Each is reported at its own line, naming the other.
 */
export const checkNameCollisions: ModelCheck = (ctx) => {
  for (const group of collisions(ctx.resources)) {
    for (const resource of group) {
      const others = group.filter((other) => other !== resource);
      ctx.errorAtName(
        resource,
        collisionMessage(resource, others, (other) => `line ${ctx.lineOfName(other)}`),
      );
    }
  }
};
