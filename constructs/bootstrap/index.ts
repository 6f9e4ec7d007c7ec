export * from "./github-identity";
export * from "./role-assignment";
export * from "./state-storage";
