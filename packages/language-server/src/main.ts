#!/usr/bin/env node
// Starts the language server on the transport the editor asks for (--stdio, --node-ipc, --socket=…).
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.ts";

startServer(createConnection(ProposedFeatures.all));
