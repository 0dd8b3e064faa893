import { journey } from '../kit.mjs';
import { strategiesJourney } from '../journeys/strategies.mjs';

journey('strategies: publish, follow and copy', (kit) => strategiesJourney(kit));
