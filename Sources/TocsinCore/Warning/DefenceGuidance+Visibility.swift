// 雷电, 大雾 — criteria after the CMA public signals, tips in our own words.
extension GuidanceLibrary {
    static let visibilityAndLightning: [DefenceGuidance] = [
        // 11B14 雷电 (no blue level in the CMA national set)
        DefenceGuidance(hazardCode: "11B14", level: .blue, criterion: "12小时内可能发生雷电活动", tips: [
            "各相关部门按职责做好防雷准备",
            "户外活动留意天气变化，雷声响起时及时进入室内",
            "检查建筑物防雷设施",
        ], isNationalSignal: false),
        DefenceGuidance(hazardCode: "11B14", level: .yellow, criterion: "6小时内可能发生雷电活动，可能造成雷电灾害事故", tips: [
            "各相关部门按职责做好防雷工作",
            "密切关注天气，尽量避免户外活动",
            "雷雨时不在大树、电线杆和高塔下避雨",
        ]),
        DefenceGuidance(hazardCode: "11B14", level: .orange, criterion: "2小时内发生雷电活动的可能性很大，或已受雷电活动影响且可能持续，出现雷电灾害事故的可能性较大", tips: [
            "各相关部门按职责落实防雷应急措施",
            "人员留在室内并关好门窗，户外人员进入有防雷设施的建筑物或汽车内",
            "切断危险电源，不在树下、电杆下和塔吊下避雨",
            "空旷场地不打伞，不把农具、羽毛球拍等扛在肩上",
        ]),
        DefenceGuidance(hazardCode: "11B14", level: .red, criterion: "2小时内发生雷电活动的可能性非常大，或已有强烈雷电活动且可能持续，出现雷电灾害事故的可能性非常大", tips: [
            "各相关部门按职责做好防雷应急和抢险",
            "人员留在防雷设施完好的建筑物或汽车内，关好门窗",
            "切勿接触天线、水管、铁丝网、金属门窗和建筑物外墙，远离电线等带电设备",
            "尽量不使用无防雷装置的电视、电话等电器",
        ]),
        // 11B17 大雾 (no blue level in the CMA national set)
        DefenceGuidance(hazardCode: "11B17", level: .blue, criterion: "24小时内可能出现能见度小于1000米的雾", tips: [
            "交通、机场、港口等单位留意能见度变化",
            "驾车出行开启雾灯，减速慢行",
            "呼吸道疾病患者减少户外活动",
        ], isNationalSignal: false),
        DefenceGuidance(hazardCode: "11B17", level: .yellow, criterion: "12小时内可能出现能见度小于500米的雾，或已出现能见度小于500米、不小于200米的雾且可能持续", tips: [
            "各相关部门按职责做好防雾准备",
            "机场、高速公路、轮渡码头等加强交通管理，保障安全",
            "驾驶人员注意雾的变化，小心驾驶",
            "户外活动注意安全",
        ]),
        DefenceGuidance(hazardCode: "11B17", level: .orange, criterion: "6小时内可能出现能见度小于200米的雾，或已出现能见度小于200米、不小于50米的雾且可能持续", tips: [
            "各相关部门按职责做好防雾工作",
            "机场、高速公路、轮渡码头等加强调度指挥",
            "驾驶人员控制速度，确保安全",
            "减少户外活动",
        ]),
        DefenceGuidance(hazardCode: "11B17", level: .red, criterion: "2小时内可能出现能见度小于50米的雾，或已出现能见度小于50米的雾且可能持续", tips: [
            "各相关部门按职责做好防雾应急工作",
            "有关单位按规定采取交通安全管制措施，必要时机场停航、高速公路和轮渡暂停运营",
            "驾驶人员根据雾天行驶规定，就近驶入服务区或停车场暂停行驶",
            "不要进行户外活动",
        ]),
    ]
}
