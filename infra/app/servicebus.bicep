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
    // The outbox on the intake record is the truth; a message only wakes a worker. One that nobody consumes expires
    // after 14 days into the dead-letter queue instead of piling up.
    defaultMessageTimeToLive: 'P14D'
    deadLetteringOnMessageExpiration: true
    // A delivery to a slow city takes up to a minute with retries; the lock outlasts it so no second worker takes it.
    lockDuration: 'PT2M'
    maxDeliveryCount: 10
    // MessageId is the intake id: a resend within the hour is dropped by the namespace.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
  }
}

// serviceBusEndpoint is https://<name>.servicebus.windows.net:443/ (cloud-specific suffix); the SDK wants the host only.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
