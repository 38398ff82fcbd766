export * from "./cases";
export * from "./conversations";
export * from "./knowledge";
export * from "./deliveries";
export * from "./staff";
