"use strict";
/**
 * The data shapes of docs/CONTRACT.md. snake_case on purpose: they are user-facing output
 * in n8n and Zapier. Money is always an exact decimal string.
 */
Object.defineProperty(exports, "__esModule", { value: true });
