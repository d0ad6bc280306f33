// Console strings, zh-CN (default) and en. One table per language; keys are stable names.
"use strict";
window.careiotTexts = {
  "zh-CN": {
    title: "CareIoT 调度台", connecting: "正在连接…", connected: "已连接", disconnected: "连接中断！报警队列可能已过期",
    priority: "优先级", cause: "类型", site: "位置", device: "设备", raisedAt: "报警时间", occurrences: "次数", status: "状态",
    empty: "暂无未处理报警", other: "English", operator: "值班员", history: "处置记录",
    acknowledge: "确认 (A)", dispatch: "派遣", close: "结案", needOperator: "请先填写值班员姓名",
    soundOn: "声音：开", soundOff: "声音：关（点击开启）",
    username: "用户名", password: "密码", signIn: "登录", wrongLogin: "用户名或密码错误", signOut: "退出", forbidden: "无权执行此操作",
    Highest: "最高", Critical: "紧急", High: "高", Normal: "普通", Low: "低",
    PersonalEmergency: "紧急呼叫", Fire: "火警", Fall: "跌倒", OutOfBedTooLong: "离床超时", VitalsOutOfRange: "生命体征异常",
    ApneaPattern: "呼吸暂停", TurningDue: "需翻身", PresenceLostBedridden: "卧床老人离床", Inactivity: "长时间无活动",
    DeviceOffline: "设备离线", LowBattery: "电量低", Tamper: "设备被拆", DeviceFault: "设备故障",
    Household: "居家", Bed: "床位", Raised: "待响应", Acknowledged: "已确认", Dispatched: "已派遣",
    Resolved: "已处置", FalseAlarm: "误报", CancelledByResident: "老人取消", Escalated: "已升级", Reminder: "提醒", Repeated: "重复报警",
    FamilyContact: "家属", CommunityWorker: "社区网格员", FacilityNurse: "机构护士", FireBrigade119: "119 消防", Ambulance120: "120 急救",
  },
  en: {
    title: "CareIoT dispatch console", connecting: "Connecting…", connected: "Connected", disconnected: "Disconnected! The alert queue may be stale",
    priority: "Priority", cause: "Cause", site: "Site", device: "Device", raisedAt: "Raised", occurrences: "Count", status: "Status",
    empty: "No open alerts", other: "中文", operator: "Operator", history: "History",
    acknowledge: "Acknowledge (A)", dispatch: "Dispatch", close: "Close", needOperator: "Enter the operator's name first",
    soundOn: "Sound: on", soundOff: "Sound: off (click to enable)",
    username: "User name", password: "Password", signIn: "Sign in", wrongLogin: "Wrong user name or password", signOut: "Sign out", forbidden: "Your role may not do this",
    Highest: "Highest", Critical: "Critical", High: "High", Normal: "Normal", Low: "Low",
    PersonalEmergency: "Personal emergency", Fire: "Fire", Fall: "Fall", OutOfBedTooLong: "Out of bed too long", VitalsOutOfRange: "Vitals out of range",
    ApneaPattern: "Apnea pattern", TurningDue: "Turning due", PresenceLostBedridden: "Bedridden resident left bed", Inactivity: "No sign of life",
    DeviceOffline: "Device offline", LowBattery: "Low battery", Tamper: "Tamper", DeviceFault: "Device fault",
    Household: "Home", Bed: "Bed", Raised: "Raised", Acknowledged: "Acknowledged", Dispatched: "Dispatched",
    Resolved: "Resolved", FalseAlarm: "False alarm", CancelledByResident: "Cancelled by resident", Escalated: "Escalated", Reminder: "Reminder", Repeated: "Repeated",
    FamilyContact: "Family contact", CommunityWorker: "Community worker", FacilityNurse: "Facility nurse", FireBrigade119: "119 Fire", Ambulance120: "120 Ambulance",
  },
};
