// Node-RED for the benchmark only: loopback, no editor auth (nothing but the benchmark reaches it).
module.exports = {
  uiHost: "127.0.0.1",
  uiPort: Number(process.env.NODERED_PORT || 1880),
  flowFile: "flows.json",
  credentialSecret: "careiot-benchmark",
  logging: { console: { level: "warn" } },
  editorTheme: { tours: false },
};
