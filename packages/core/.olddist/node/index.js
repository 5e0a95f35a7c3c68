"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createNodeRuntime = void 0;
exports.createPanelClient = createPanelClient;
/**
 * `@panel/core/node`: the pieces that need Node itself (undici, timers). Kept out of the
 * main entry so hosts like n8n and Zapier, which bring their own HTTP, never load them.
 */
const client_1 = require("../client");
const undici_runtime_1 = require("./undici-runtime");
Object.defineProperty(exports, "createNodeRuntime", { enumerable: true, get: function () { return undici_runtime_1.createNodeRuntime; } });
/**
 * The one-liner for Node: `createPanelClient({ apiUrl, apiKey })`. The key goes into the
 * runtime (which adds it to each form) and into `secrets` (scrubbed from every error).
 */
function createPanelClient(options) {
    const { apiKey, connections, runtime: given, secrets, ...clientOptions } = options;
    const runtimeOptions = { apiKey };
    if (connections !== undefined)
        runtimeOptions.connections = connections;
    if (clientOptions.timeoutMs !== undefined)
        runtimeOptions.timeoutMs = clientOptions.timeoutMs;
    if (clientOptions.maxResponseBytes !== undefined)
        runtimeOptions.maxResponseBytes = clientOptions.maxResponseBytes;
    const runtime = given ?? (0, undici_runtime_1.createNodeRuntime)(runtimeOptions);
    const client = new client_1.PanelClient({ ...clientOptions, runtime, secrets: [apiKey, ...(secrets ?? [])] });
    client.close = () => runtime.close();
    return client;
}
