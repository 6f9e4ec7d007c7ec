export * from "./iot-hub";
export * from "./endpoint";
export * from "./route";
export * from "./consumer-group";
export * from "./device-provisioning";
export * from "./storage-account";
