import { journey } from '../kit.mjs';
import { netWorthJourney } from '../journeys/netWorth.mjs';

journey('net worth and exchange rates', (kit) => netWorthJourney(kit));
