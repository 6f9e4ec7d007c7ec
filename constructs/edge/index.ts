export * from "./edge-site";
