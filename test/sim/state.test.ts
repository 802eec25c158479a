import { describe, expect, it } from 'vitest';
import { ContractTable, CustomerTable, VehicleTable } from '../../engine/sim/state.ts';

describe('simulation tables grow by doubling, keeping every column', () => {
  it('contracts: values of existing slots survive, every column reaches the new capacity', () => {
    const table = new ContractTable(2);
    const a = table.add();
    table.balance[a] = 1234.5;
    table.cycle[a] = 3;
    table.term[a] = 36;
    const b = table.add();
    table.remove(b);
    table.add(); // reuses b
    const c = table.add(); // beyond the capacity of 2
    expect(table.capacity).toBe(4);
    expect([table.balance[a], table.cycle[a], table.term[a]]).toEqual([1234.5, 3, 36]);
    expect(table.lastContactMonth[c]).toBe(-1);
    for (const column of Object.values(table)) {
      if (ArrayBuffer.isView(column)) expect((column as Float64Array).length).toBe(4);
    }
  });

  it('vehicles and customers grow the same way', () => {
    const vehicles = new VehicleTable(1);
    const v = vehicles.add();
    vehicles.msrp[v] = 40_000;
    vehicles.add();
    expect(vehicles.capacity).toBe(2);
    expect(vehicles.msrp[v]).toBe(40_000);
    const customers = new CustomerTable(1);
    const first = customers.add();
    customers.loyalty[first] = 0.7;
    customers.add();
    expect(customers.capacity).toBe(2);
    expect(customers.loyalty[first]).toBe(0.7);
    for (const column of Object.values(customers)) {
      if (ArrayBuffer.isView(column)) expect((column as Float64Array).length).toBe(2);
    }
  });
});
