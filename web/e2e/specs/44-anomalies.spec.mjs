import { journey } from '../kit.mjs';
import { anomaliesJourney } from '../journeys/anomalies.mjs';

journey('anomalies', (kit) => anomaliesJourney(kit));
