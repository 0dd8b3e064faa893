import { journey } from '../kit.mjs';
import { planPreviewJourney } from '../journeys/plan-preview.mjs';

journey('plan preview', (kit) => planPreviewJourney(kit));
