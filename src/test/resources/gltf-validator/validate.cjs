// Validates a GLB file with the Khronos glTF-Validator (npm gltf-validator, which has no command
// line of its own) and prints one JSON line: issue counts, the issues, and what the asset holds.
// Usage: NODE_PATH=<folder holding gltf-validator> node validate.cjs FILE.glb
// Exit code 1 when the validator reports errors.
'use strict';
const fs = require('fs');
const path = require('path');
const validator = require('gltf-validator');

const file = process.argv[2];
validator.validateBytes(new Uint8Array(fs.readFileSync(file)), {
    uri: path.basename(file),
    maxIssues: 0,
    externalResourceFunction: (uri) => Promise.reject(new Error('a GLB needs no external resource: ' + uri)),
}).then((report) => {
    const issues = report.issues;
    console.log(JSON.stringify({
        validatorVersion: report.validatorVersion,
        errors: issues.numErrors,
        warnings: issues.numWarnings,
        infos: issues.numInfos,
        hints: issues.numHints,
        messages: issues.messages.map((m) => `${m.severity} ${m.code} ${m.pointer || ''} ${m.message}`),
        info: report.info,
    }));
    process.exitCode = issues.numErrors > 0 ? 1 : 0;
}, (error) => {
    console.error('validation failed: ' + error);
    process.exitCode = 2;
});
