using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Glidepath.Infrastructure.Persistence;

/// <summary>
/// Compiles, once per entity type of a model, the code that writes one row's columns to an
/// <see cref="IRowWriter"/>: for each stored property, read it with its typed member access, apply
/// the property's value converter (the same expression EF applies: currency codes, enums, JSON,
/// encryption), and call the writer method of the provider type. Null values write NULL, as EF does
/// (converters never see nulls). No value is boxed.
/// </summary>
internal static class RowBinder
{
    private static readonly ConditionalWeakTable<IEntityType, Action<IRowWriter, object>> Compiled = [];

    /// <summary>The stored columns, in writing order: shadow properties (surrogate keys) are left to the database.</summary>
    public static IReadOnlyList<IProperty> Columns(IEntityType entityType) =>
        entityType.GetProperties().Where(p => !p.IsShadowProperty()).ToList();

    public static Action<IRowWriter, object> For(IEntityType entityType) =>
        Compiled.GetValue(entityType, _ => Compile(entityType.ClrType, Columns(entityType)));

    private static Action<IRowWriter, object> Compile(Type clrType, IReadOnlyList<IProperty> columns)
    {
        var writer = Expression.Parameter(typeof(IRowWriter), "writer");
        var row = Expression.Parameter(typeof(object), "row");
        var typed = Expression.Variable(clrType, "typed");
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(row, clrType)) };
        for (var i = 0; i < columns.Count; i++)
        {
            body.Add(WriteColumn(writer, typed, columns[i], i + 1));
        }

        return Expression.Lambda<Action<IRowWriter, object>>(Expression.Block([typed], body), writer, row).Compile();
    }

    private static Expression WriteColumn(ParameterExpression writer, ParameterExpression row, IProperty property, int index)
    {
        Expression value = Expression.MakeMemberAccess(row, property.GetMemberInfo(forMaterialization: false, forSet: false));
        Expression? hasValue = null;
        if (Nullable.GetUnderlyingType(value.Type) is not null)
        {
            hasValue = Expression.Property(value, nameof(Nullable<int>.HasValue));
            value = Expression.Property(value, nameof(Nullable<int>.Value));
        }
        else if (!value.Type.IsValueType)
        {
            hasValue = Expression.NotEqual(value, Expression.Constant(null, value.Type));
        }

        if (property.GetRelationalTypeMapping().Converter is { } converter)
        {
            var convert = converter.ConvertToProviderExpression;
            value = Expression.Invoke(convert, Expression.Convert(value, convert.Parameters[0].Type));
            if (Nullable.GetUnderlyingType(value.Type) is { } underlying)
            {
                value = Expression.Convert(value, underlying);   // a non-null model value converts to a value
            }
        }

        var method = MethodFor(value.Type)
            ?? throw new NotSupportedException(
                $"Bulk insert cannot write {property.DeclaringType.DisplayName()}.{property.Name} ({value.Type}); add a method to IRowWriter and its writers.");
        var write = Expression.Call(writer, typeof(IRowWriter).GetMethod(method)!, Expression.Constant(index), value);
        var writeNull = Expression.Call(writer, typeof(IRowWriter).GetMethod(nameof(IRowWriter.WriteNull))!, Expression.Constant(index));
        return hasValue is null ? write : Expression.IfThenElse(hasValue, write, writeNull);
    }

    private static string? MethodFor(Type type) => type switch
    {
        _ when type == typeof(string) => nameof(IRowWriter.WriteText),
        _ when type == typeof(decimal) => nameof(IRowWriter.WriteDecimal),
        _ when type == typeof(DateOnly) => nameof(IRowWriter.WriteDate),
        _ when type == typeof(Guid) => nameof(IRowWriter.WriteGuid),
        _ when type == typeof(bool) => nameof(IRowWriter.WriteBoolean),
        _ when type == typeof(int) => nameof(IRowWriter.WriteInt32),
        _ when type == typeof(long) => nameof(IRowWriter.WriteInt64),
        _ when type == typeof(double) => nameof(IRowWriter.WriteDouble),
        _ => null,
    };
}
