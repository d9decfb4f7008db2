// Placeholder until the database harness lands: integration tests get a fresh database here.
export default function setup() {}
