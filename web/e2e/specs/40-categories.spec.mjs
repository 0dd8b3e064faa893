import { journey } from '../kit.mjs';
import { categoriesJourney } from '../journeys/categories.mjs';

journey('categories and rules', (kit) => categoriesJourney(kit));
