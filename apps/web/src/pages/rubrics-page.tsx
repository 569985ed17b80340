export function RubricsPage() { return null; }
