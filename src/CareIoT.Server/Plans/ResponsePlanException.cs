namespace CareIoT.Server.Plans;

/// <summary>The response-plan file is wrong: the message names the file, the JSON path and what is wrong there.</summary>
public sealed class ResponsePlanException(string message) : Exception(message);
