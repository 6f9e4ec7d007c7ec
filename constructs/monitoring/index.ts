export * from "./alert-catalog";
export * from "./action-group";
export * from "./messaging-alerts";
export * from "./activity-log-alerts";
export * from "./budget";
export * from "./workbook";
