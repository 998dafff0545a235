// CarrierSession
