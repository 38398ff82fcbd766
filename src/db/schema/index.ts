export * from "./cases";
export * from "./conversations";
export * from "./deliveries";
export * from "./knowledge";
export * from "./staff";
export * from "./teams";
