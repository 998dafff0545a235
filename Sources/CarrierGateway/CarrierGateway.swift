// CarrierGateway: client links to carrier gateways (issue 5).
