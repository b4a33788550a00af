import type { CleanWaterConnectedData } from './clean-water.events';

export type CleanWaterConnectionState =
  { status: 'not_connected' } | ({ status: 'connected'; connectedAt?: string } & CleanWaterConnectedData);

export const initialCleanWaterConnectionState: CleanWaterConnectionState = { status: 'not_connected' };
