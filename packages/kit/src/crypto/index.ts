export * from "./field-cipher";
