"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scrubberOf = scrubberOf;
exports.wrongShape = wrongShape;
exports.guard = guard;
exports.zparse = zparse;
exports.requireRecord = requireRecord;
const errors_1 = require("../errors");
const read_1 = require("./read");
function scrubberOf(opts) {
    return opts.scrub ?? (0, errors_1.makeScrubber)(opts.secrets ?? []);
}
/** What the action's reply should look like, for messages. */
const EXPECTED = {
    balance: '{"balance":"100.84","currency":"USD"}',
    services: 'a list of services [{"service":"1","name":…,"type":…,"rate":…,"min":…,"max":…}]',
    add: '{"order":23501}',
    status: '{"charge":…,"start_count":…,"status":"Partial","remains":…,"currency":…}',
    multiStatus: '{"<order id>":{"status":…}, …}',
    cancel: '[{"order":9,"cancel":{"status":"success"}}, …]',
    refill: '{"refill":"1"} or [{"order":1,"refill":1}, …]',
    refill_status: '{"status":"Completed"} or [{"refill":1,"status":"Completed"}, …]',
};
function wrongShape(action, detail, opts) {
    const expected = EXPECTED[action];
    return new errors_1.PanelMalformedResponseError(`The Panel's reply to "${action}" has an unexpected shape (${detail})${expected ? `; expected ${expected}` : ''}. Check that the API URL points at a Panel API v2 endpoint.`, { reason: 'wrong_shape', action, scrub: scrubberOf(opts) });
}
/** Run a parser; anything but a PanelError thrown inside becomes a wrong-shape error. */
function guard(action, opts, fn) {
    try {
        return fn();
    }
    catch (e) {
        if (e instanceof errors_1.PanelError)
            throw e;
        throw wrongShape(action, e instanceof Error ? e.message.slice(0, 120) : 'unreadable reply', opts);
    }
}
/** zod parse that reports the first issue as a wrong-shape error. */
function zparse(action, schema, json, opts) {
    const r = schema.safeParse(json);
    if (r.success)
        return r.data;
    const issue = r.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw wrongShape(action, `${where}${issue ? issue.message : 'invalid'}`, opts);
}
function requireRecord(action, json, opts) {
    if (!(0, read_1.isRecord)(json))
        throw wrongShape(action, `got ${(0, read_1.describeValue)(json)} instead of an object`, opts);
    return json;
}
