/** The one formatting module (presentation.md rule 5): every number, change and date a person reads. */
export * from "./numbers";
export * from "./durations";
export * from "./dates";
export * from "./values";
export * from "./change";
