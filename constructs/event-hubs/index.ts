export * from "../../azure/event-hubs";
export * from "./cluster";
export * from "./namespace";
export * from "./event-hub";
export * from "./consumer-group";
export * from "./schema-group";
export * from "./capture-storage";
export * from "./geo-disaster-recovery";
