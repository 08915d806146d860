import { describe, expect, it } from 'vitest';
import { groupMyTasks } from './my-tasks.js';

describe('my tasks grouping', () => {
  it('puts late work first, then this week up to Sunday, then later, leaving done tasks out', () => {
    // 2030-05-15 is a Wednesday.
    const tasks = [
      { id: 'later', dueDate: '2030-05-20', status: 'todo' },
      { id: 'sunday', dueDate: '2030-05-19', status: 'in_progress' },
      { id: 'late', dueDate: '2030-05-14', status: 'todo' },
      { id: 'today', dueDate: '2030-05-15', status: 'todo' },
      { id: 'done', dueDate: '2030-05-10', status: 'done' },
    ];
    const groups = groupMyTasks(tasks, '2030-05-15');
    expect(groups.overdue.map((task) => task.id)).toEqual(['late']);
    expect(groups.thisWeek.map((task) => task.id)).toEqual(['today', 'sunday']);
    expect(groups.later.map((task) => task.id)).toEqual(['later']);
  });
});
