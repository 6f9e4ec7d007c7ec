export * from "./namespace";
export * from "./queue";
export * from "./topic";
export * from "./subscription";
export * from "./geo-disaster-recovery";
export * from "./autoscale";
