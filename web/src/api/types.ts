import type { components } from './schema';

/** Short names for the generated schema types. */
type S = components['schemas'];
export type Household = S['HouseholdDto'];
export type Account = S['AccountDto'];
export type AccountType = S['AccountType'];
export type LotReliefMethod = S['LotReliefMethod'];
export type Transaction = S['TransactionDto'];
export type TransactionType = S['TransactionType'];
export type TransactionPage = S['TransactionPage'];
export type Positions = S['PositionsDto'];
export type Position = S['PositionDto'];
export type Lot = S['LotDto'];
export type Instrument = S['InstrumentDto'];
export type AssetClass = S['AssetClass'];
export type Valuation = S['ValuationDto'];
export type NetWorth = S['NetWorthDto'];
export type RealisedGains = S['RealisedGainsDto'];
export type ImportResult = S['ImportResultDto'];
export type Plan = S['PlanDto'];
export type SimulationRun = S['SimulationRunDto'];
export type Person = S['PersonDto'];
