// CarrierSimulator: carrier gateways simulated (issue 5).
