export * from "./namespace";
export * from "./hybrid-connection";
export * from "./wcf-relay";
export * from "./relay-grantable";
