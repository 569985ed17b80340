import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server forwards the API to a running Kaoping server so that cookies stay same-origin.
const apiTarget = process.env.KAOPING_API ?? "http://127.0.0.1:3000";

export const config = defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/trpc": { target: apiTarget, changeOrigin: false },
      "/files": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    // The manifest lets scripts/measure-bundle.ts follow the chunk graph.
    manifest: true,
  },
});

// Vite reads the default export; house style prefers named exports everywhere else.
export default config;
