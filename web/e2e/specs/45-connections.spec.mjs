import { journey } from '../kit.mjs';
import { connectionsJourney } from '../journeys/connections.mjs';

journey('connections', (kit) => connectionsJourney(kit));
