import { journey } from '../kit.mjs';
import { realtimeJourney } from '../journeys/realtime.mjs';

journey('realtime', (kit) => realtimeJourney(kit));
