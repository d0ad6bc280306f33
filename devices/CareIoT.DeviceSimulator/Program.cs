using System.CommandLine;
using CareIoT.DeviceProtocol;
using CareIoT.DeviceSimulator;

var broker = new Option<string>("--broker") { Description = "MQTT broker as host:port", DefaultValueFactory = _ => "127.0.0.1:1883" };

var login = new Option<string?>("--login") { Description = "File with 'USER PASSWORD' to sign in to the server's API (e.g. .state/secrets/initial-admin)" };
var credentials = new Option<string?>("--credentials") { Description = "File of 'DEVICE PASSWORD' lines (deploy/mosquitto-users.sh output)" };
var device = new Option<string>("--device") { Description = "Device id of the call button", Required = true };
var count = new Option<int>("--count") { Description = "How many presses", DefaultValueFactory = _ => 1 };
var press = new Command("press", "Press one call button (publishes protocol v1 'press' at QoS 1)") { broker, device, count, credentials };
press.SetAction(async (parse, ct) =>
{
    var id = parse.GetValue(device)!;
    await using var button = new SimulatedDevice(id, BrokerAddress.Parse(parse.GetValue(broker)!),
        Credentials.Load(parse.GetValue(credentials)).GetValueOrDefault(id));
    await button.ConnectAsync(ct);
    for (var i = 0; i < parse.GetValue(count); i++)
    {
        Console.WriteLine($"press {button.DeviceId} message {await button.SendAsync(MessageTypes.Press, ct)}");
    }
});

var type = new Option<string>("--type") { Description = "Message type of protocol v1 (press, cancel, smoke_alarm, vitals, …)", Required = true };
var battery = new Option<int?>("--battery") { Description = "Battery %" };
var send = new Command("send", "Send one message of any type of the contract from one device") { broker, device, type, battery, credentials };
send.SetAction(async (parse, ct) =>
{
    var id = parse.GetValue(device)!;
    await using var one = new SimulatedDevice(id, BrokerAddress.Parse(parse.GetValue(broker)!), Credentials.Load(parse.GetValue(credentials)).GetValueOrDefault(id));
    await one.ConnectAsync(ct);
    var kind = parse.GetValue(type)!;
    var messageId = await one.SendAsync(kind, ct, p => kind == MessageTypes.Vitals
        ? p with { Presence = true, HeartRate = 64, RespirationRate = 15, Movement = 3, Battery = parse.GetValue(battery) }
        : p with { Battery = parse.GetValue(battery) });
    Console.WriteLine($"{kind} {id} message {messageId}");
});

var households = new Option<int>("--households") { Description = "Number of households (a call button and a smoke alarm each)", DefaultValueFactory = _ => 10 };
var beds = new Option<int>("--beds") { Description = "Number of care-facility beds (a mattress each)", DefaultValueFactory = _ => 0 };
var vitalsEvery = new Option<int>("--vitals-every") { Description = "Seconds between mattress vitals", DefaultValueFactory = _ => 10 };
var smokeEvery = new Option<int?>("--smoke-every") { Description = "Seconds between smoke alarms (default: none)" };
var zigbee = new Option<int>("--zigbee-households") { Description = "Homes whose SOS button and smoke detector speak through a Zigbee2MQTT gateway", DefaultValueFactory = _ => 0 };
var prefix = new Option<string>("--prefix") { Description = "Prefix of household and device ids", DefaultValueFactory = _ => "demo" };
var register = new Option<string?>("--register") { Description = "Server URL: register the fleet's households and devices there first" };
var pressEvery = new Option<int>("--press-every") { Description = "Seconds between presses", DefaultValueFactory = _ => 20 };
var heartbeatEvery = new Option<int>("--heartbeat-every") { Description = "Seconds between heartbeats", DefaultValueFactory = _ => 60 };
var panels = new Option<int>("--panels") { Description = "Homes with a home-alarm panel speaking DC-09 (half of them encrypted)", DefaultValueFactory = _ => 4 };
var panelPort = new Option<int>("--panel-port") { Description = "Port of the server's DC-09 receiver (on the --register server's host)", DefaultValueFactory = _ => 9590 };
var panelAlarmEvery = new Option<int>("--panel-alarm-every") { Description = "Seconds between panel alarms, each restored after half of it (0: none)", DefaultValueFactory = _ => 120 };
var panelLinkTestEvery = new Option<int>("--panel-link-test-every") { Description = "Seconds between a panel's NULL link tests (under the receiver's 60 s idle limit)", DefaultValueFactory = _ => 45 };
var nbiot = new Option<int>("--nbiot") { Description = "Homes with an NB-IoT smoke alarm pushed through OneNET (even) or CTWing (odd); needs --register and the secrets in CAREIOT_ONENET_TOKEN / CAREIOT_CTWING_TOKEN", DefaultValueFactory = _ => 0 };
var nbiotAlarmEvery = new Option<int>("--nbiot-alarm-every") { Description = "Seconds between NB-IoT smoke alarms, each cleared after half of it", DefaultValueFactory = _ => 180 };
var duration = new Option<int?>("--duration") { Description = "Stop after this many seconds (default: until Ctrl-C)" };
var fleet = new Command("fleet", "Run a fleet of households (call button + smoke alarm), beds (mattress) and home-alarm panels (DC-09)")
{
    broker, households, beds, zigbee, prefix, register, pressEvery, heartbeatEvery, vitalsEvery, smokeEvery, duration, credentials, login,
    panels, panelPort, panelAlarmEvery, panelLinkTestEvery, nbiot, nbiotAlarmEvery,
};
FleetOptions ReadFleet(ParseResult parse) => new(parse.GetValue(households), parse.GetValue(beds), parse.GetValue(prefix)!,
    TimeSpan.FromSeconds(parse.GetValue(pressEvery)), TimeSpan.FromSeconds(parse.GetValue(heartbeatEvery)),
    TimeSpan.FromSeconds(parse.GetValue(vitalsEvery)), parse.GetValue(smokeEvery) is { } smoke ? TimeSpan.FromSeconds(smoke) : null,
    parse.GetValue(zigbee), parse.GetValue(panels), parse.GetValue(panelPort),
    parse.GetValue(panelAlarmEvery) is > 0 and var alarm ? TimeSpan.FromSeconds(alarm) : null, TimeSpan.FromSeconds(parse.GetValue(panelLinkTestEvery)),
    parse.GetValue(nbiot), TimeSpan.FromSeconds(Math.Max(2, parse.GetValue(nbiotAlarmEvery))),
    Environment.GetEnvironmentVariable("CAREIOT_ONENET_TOKEN"), Environment.GetEnvironmentVariable("CAREIOT_CTWING_TOKEN"));
fleet.SetAction((parse, ct) => new Fleet(BrokerAddress.Parse(parse.GetValue(broker)!), ReadFleet(parse), Credentials.Load(parse.GetValue(credentials)), ApiLogin.Load(parse.GetValue(login)))
    .RunAsync(parse.GetValue(register) is { } url ? new Uri(url) : null, parse.GetValue(duration) is { } seconds ? TimeSpan.FromSeconds(seconds) : null, ct));

var server = new Option<string>("--server") { Description = "Server URL", DefaultValueFactory = _ => "http://127.0.0.1:5080/" };
var presses = new Option<int>("--presses") { Description = "How many presses to time", DefaultValueFactory = _ => 50 };
var probe = new Command("probe", "Time press -> dispatch console over real MQTT and SignalR (devices probe-cb-NNNN)") { broker, server, presses, credentials, login };
probe.SetAction((parse, ct) =>
    new LatencyProbe(BrokerAddress.Parse(parse.GetValue(broker)!), new Uri(parse.GetValue(server)!), parse.GetValue(presses),
        Credentials.Load(parse.GetValue(credentials)), ApiLogin.Load(parse.GetValue(login))).RunAsync(ct));

var fleetIds = new Command("fleet-ids", "Print the broker users (devices, gateways) a fleet with these options uses") { households, beds, zigbee, prefix };
fleetIds.SetAction(parse =>
{
    foreach (var id in ReadFleet(parse).DeviceIds)
    {
        Console.WriteLine(id);
    }
});

var influx = new Option<string>("--influx") { Description = "InfluxDB URL", DefaultValueFactory = _ => "http://127.0.0.1:8087/" };
var database = new Option<string>("--database") { Description = "InfluxDB database of the server", DefaultValueFactory = _ => "careiot" };
var nights = new Option<int>("--nights") { Description = "Past nights to write", DefaultValueFactory = _ => SimulatedResidents.SeededNights };
var history = new Command("history", "Write the simulated residents' past nights into the telemetry store (demo only: protocol v1 has no history upload)")
{
    beds, prefix, influx, database, nights,
};
history.SetAction((parse, ct) => new NightHistory(ReadFleet(parse), new Uri(parse.GetValue(influx)!), parse.GetValue(database)!, parse.GetValue(nights))
    .WriteAsync(ct));

var root = new RootCommand("CareIoT device simulator (protocol v1)") { press, send, fleet, fleetIds, probe, history };
return await root.Parse(args).InvokeAsync();
