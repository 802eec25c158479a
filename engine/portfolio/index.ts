export {
  CYCLE_KEYS,
  MAX_CONTRACTS,
  MAX_DEALERS,
  MAX_TERM_MONTHS,
  PORTFOLIO_KEYS,
  defaultPortfolio,
  resolvePortfolioSpec,
  type Channel,
  type CreditTier,
  type CycleKey,
  type Mix,
  type PortfolioSpec,
  type Powertrain,
  type Region,
  type Segment,
} from './spec.ts';
export {
  PORTFOLIO_DECISIONS,
  drawNewVehicle,
  generatePortfolio,
  type NewVehicleDraw,
  type Population,
} from './population.ts';
