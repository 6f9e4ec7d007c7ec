export * from "./job";
export * from "./inputs";
export * from "./outputs";
