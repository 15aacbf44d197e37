// Optional Service Bus transport for forwarding work (Queue__Provider=ServiceBus); SAS keys are disabled.
// Standard tier: Basic lacks duplicate detection, sessions and transactions.
param name string
param location string
param tags object

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource forwardQueue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: namespace
  name: 'forward'
  properties: {
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
  }
}

// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ (cloud-specific suffix); the SDK wants the host only.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
